// require-from-string ships without types; it is the loader the dynamic-provider host uses for `__provider`.
declare module "require-from-string" {
    function requireFromString(
        code: string,
        filename?: string,
        options?: { appendPaths?: string[]; prependPaths?: string[] },
    ): unknown;
    export = requireFromString;
}
