/** A recent GA version of Azure OpenAI's API; the person can type another. Apart from the schemas, so the renderer can import it without zod. */
export const defaultAzureApiVersion = '2024-10-21';
