/** A left-to-right run (a ticket number such as 1448-000001) kept in order inside an Arabic plain-text title. */
export function isolate(text: string): string {
  return `\u2066${text}\u2069`;
}
