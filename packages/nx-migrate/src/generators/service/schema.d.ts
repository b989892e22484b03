export interface ServiceGeneratorOptions {
  name: string;
  directory?: string;
  schemas?: string;
}
