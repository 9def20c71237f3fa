/** The API's version, reported by `serviceInfo`. */
export const VERSION = '0.1.0';
