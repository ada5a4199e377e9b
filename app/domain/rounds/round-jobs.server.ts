import type { Job } from "../../server/queue.server";
import { purgeRoundAttempts } from "./outsider-contribution.server";

// The rounds' clean-up: the throttle's record of client addresses goes after a day.
export const roundJobs: Job[] = [
  {
    name: "purge-round-attempts",
    hourly: true,
    async run() {
      await purgeRoundAttempts();
    },
  },
];
