/** Fills {{name}} placeholders; an unknown placeholder is left visible so a wrong template is noticed, never silently blank. */
export function renderTemplate(text: string, variables: Record<string, string | number | null | undefined>): string {
  return text.replace(/\{\{\s*([a-zA-Z][a-zA-Z0-9_]*)\s*\}\}/g, (whole, name: string) => {
    const value = variables[name];
    return value === undefined || value === null ? whole : String(value);
  });
}

export function templateVariables(text: string): string[] {
  return [...new Set([...text.matchAll(/\{\{\s*([a-zA-Z][a-zA-Z0-9_]*)\s*\}\}/g)].map((m) => m[1]))];
}
