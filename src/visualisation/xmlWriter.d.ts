// xml-writer (the streaming writer graphology-gexf writes with) ships without types.
declare module 'xml-writer' {
  export default class XMLWriter {
    constructor(indent?: boolean | string);
    startDocument(version?: string, encoding?: string): this;
    startElement(name: string): this;
    startElementNS(prefix: string, name: string, uri?: string): this;
    writeAttribute(name: string, content: string | number): this;
    writeElement(name: string, content: string): this;
    endElement(): this;
    toString(): string;
  }
}
