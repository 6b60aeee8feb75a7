export function findChromium(): Promise<string | undefined>;
export const noChromiumHelp: string;
export const chromiumArgs: string[];
