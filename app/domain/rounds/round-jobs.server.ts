import type { Job } from "../../server/queue.server";
import { purgeAttempts } from "../../server/throttle.server";

// The rounds' clean-up: the throttle's record of client addresses goes after a day.
export const roundJobs: Job[] = [
  {
    name: "purge-round-attempts",
    hourly: true,
    async run() {
      await purgeAttempts("round_contribution_attempt");
    },
  },
];
