import type { Perspective } from "../../db/schema";
import { perspectives } from "../domain/vocabulary";
import { useT } from "./i18n";

/** The perspective filter of a list: one of the perspectives, or all of them. */
export function PerspectiveFilter(props: { id: string; value?: Perspective; label: string; anyLabel: string }) {
  const t = useT();
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <select id={props.id} name="perspective" defaultValue={props.value ?? ""}>
        <option value="">{props.anyLabel}</option>
        {perspectives.map((p) => (
          <option key={p} value={p}>
            {t(`perspective.${p}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
