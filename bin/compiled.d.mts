// Types of compiled.mjs, for the TypeScript that imports it (tests).
export declare const ROOT: string;
export declare const SERVER_SOURCES: string[];
export declare const SERVER_STAMP: string;
export declare const CLIENT_SOURCES: string[];
export declare const CLIENT_STAMP: string;
export declare function isFresh(stamp: string, sources: string[]): boolean;
