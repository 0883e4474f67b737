// PEP 508 requirement names, shared by the Python formats that read requirement strings
// (requirements files, pyproject.toml beside a poetry.lock).
import { normalizePyPIName } from '../names.js';

/** PEP 508 §"Names": the name, then optional `[extras]`, at the start of a requirement. */
export const REQUIREMENT_NAME = /^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(\[[^\]]*\])?\s*/;

/** The normalised name a requirement string (`requests[socks]>=2; python_version<"3.8"`) starts with. */
export function requirementName(requirement: string): string | undefined {
  const match = REQUIREMENT_NAME.exec(requirement.trim());
  return match ? normalizePyPIName(match[1]!) : undefined;
}
