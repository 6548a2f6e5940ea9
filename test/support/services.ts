/**
 * The real Redis and PostgreSQL that the shared-state tests use, started on
 * loopback by `.ci/services.sh` (which `.ci/run` sources). In CI (CI=true) a
 * missing server fails loudly; elsewhere those tests are skipped.
 */

/** The URL exported by .ci/services.sh, or null outside CI when it is not set. Throws in CI when missing. */
export function serviceUrl(service: 'redis' | 'postgres'): string | null {
  const variable = service === 'redis' ? 'CITEBOT_TEST_REDIS_URL' : 'CITEBOT_TEST_DATABASE_URL';
  const url = process.env[variable];
  if (url) return url;
  if (process.env.CI) throw new Error(`${variable} is not set: CI must start ${service} with .ci/services.sh (sourced by .ci/run)`);
  return null;
}

/** Says why a suite is skipped, once. */
export function skipNote(service: string): string {
  return `needs a real ${service}: run \`source .ci/services.sh\` first (skipped outside CI)`;
}
