export function readRepoFile(relativePath: string): string;
export function listRepoFolder(relativePath: string): Array<{ name: string; isFolder: boolean }>;
export function repoFileExists(relativePath: string): boolean;
