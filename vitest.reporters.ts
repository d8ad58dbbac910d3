// Every test suite writes a JSON report when VITEST_JSON_DIR is set, so .ci/run can print one
// "N passed, N failed" line for all of them.
export function reporters(suite: string): (string | [string, Record<string, unknown>])[] {
  const dir = process.env.VITEST_JSON_DIR;
  return dir ? ['default', ['json', { outputFile: `${dir}/${suite}.json` }]] : ['default'];
}
