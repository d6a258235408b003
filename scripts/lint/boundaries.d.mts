import type { ESLint } from "eslint";

export function isExempt(relPath: string): boolean;
export function resolveImport(fromRel: string, specifier: string): string | null;
export function layerViolation(fromRel: string, toRel: string, options?: { isClient?: boolean }): string | null;
export function folderGraph(files?: string[], read?: (file: string) => string): Map<string, Set<string>>;
export function folderCycles(graph: Map<string, Set<string>>): { component: Map<string, number>; members: string[][] };
declare const plugin: ESLint.Plugin;
export default plugin;
