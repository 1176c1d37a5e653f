import { FACTORS } from '../../collections';
import { eachArticle } from './each-article';

/** `schema/method-folder`: a factor sits in the folder of its method. */
export const methodFolder = eachArticle((article) => {
  if (article.collection !== FACTORS) return [];
  const data = article.split.data as Record<string, unknown> | undefined;
  const folderMethod = article.id.split('/')[0];
  if (typeof data?.method !== 'string' || data.method === folderMethod) return [];
  return [
    {
      file: article.file,
      ...article.split.locate(['method']),
      rule: 'schema/method-folder',
      message: `field "method" is "${data.method}" but the file is in content/${FACTORS.folder}/${folderMethod}/`,
      hint: `move the file to content/${FACTORS.folder}/${data.method}/ or set method: ${folderMethod}`,
    },
  ];
});
