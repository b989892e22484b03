import { ids } from '../../catalog/object-id.js';
import type { ObjectKindModule } from '../kind.js';
import { alterExtension, createExtension, dropExtension } from './extension.diff.js';
import { readExtensions } from './extension.introspect.js';
import type { ExtensionInfo } from './extension.model.js';

export const extensionKind: ObjectKindModule<ExtensionInfo> = {
  name: 'extension',
  idKind: 'extension',
  id: (extension) => ids.extension(extension.name),
  objects: (catalog) => catalog.extensions,
  async read(client, filter, catalog) {
    catalog.extensions = await readExtensions(client, filter);
  },
  addresses: { extension: ([name]) => ids.extension(name) },
  // What the server offers is not a schema fact: only the installed version is compared.
  comparable(extension) {
    delete extension.defaultVersion;
    delete extension.updatableTo;
  },
  diff: { create: createExtension, drop: dropExtension, alter: alterExtension },
};
