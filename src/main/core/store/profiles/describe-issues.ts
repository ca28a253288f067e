/** The first few schema issues as one line, each with the field it is about; never the values. */
export function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length > 0 ? issue.path.map(String).join('.') : 'profile'}: ${issue.message}`)
    .join('; ');
}
