import { type IFunctionResult } from '@stoplight/spectral-core';
import { createRulesetFunction } from './utils/rulesetFunction.js';
import { isObject, type JsonObject, type JsonPath } from './utils/guards.js';
import { hasNonPublicOperation, isPublicApi } from './utils/exemptions.js';
import { oasVersion, securitySchemes } from './utils/oas.js';

/**
 * fin-auth-schemes-defined: a document with operations that are not all marked public defines at least one
 * security scheme (2.0 `securityDefinitions`, 3.x `components.securitySchemes`). `info.x-public-api: true` opts out.
 */
export const securitySchemesDefined = createRulesetFunction<JsonObject, null>(
  { input: { type: 'object' }, options: null },
  function securitySchemesDefined(root) {
    if (isPublicApi(root) || !hasNonPublicOperation(root)) return [];
    const { schemes, basePath } = securitySchemes(root);
    if (Object.keys(schemes).length > 0) return [];
    const container = basePath.join('.');
    let path: JsonPath = [];
    if (oasVersion(root) === '2.0') {
      if (root.securityDefinitions !== undefined) path = ['securityDefinitions'];
    } else if (isObject(root.components)) {
      path = root.components.securitySchemes !== undefined ? ['components', 'securitySchemes'] : ['components'];
    }
    const result: IFunctionResult = {
      message: `No security scheme is defined in ${container}, so no operation can require authentication.`,
      path,
    };
    return [result];
  },
);
