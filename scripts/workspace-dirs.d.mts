/** Package folders relative to `root`, in the order pnpm-workspace.yaml lists them. */
export function workspaceDirs(root: string): string[];
