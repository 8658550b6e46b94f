import { createRulesetFunction } from '@stoplight/spectral-core';

interface Options {
  /** Paths starting with this prefix are payment-initiating resources. */
  pathPrefix: string;
  /** Name of the request header that carries the idempotency key. */
  header: string;
}

type Parameter = { name?: unknown; in?: unknown; required?: unknown };

function declaresHeader(params: unknown, header: string): boolean {
  if (!Array.isArray(params)) return false;
  return params.some((p: Parameter) => p !== null && typeof p === 'object' && p.in === 'header' && typeof p.name === 'string' && p.name.toLowerCase() === header.toLowerCase() && p.required === true);
}

/** POST operations under `pathPrefix` must declare a required `header` parameter (path-level parameters count). */
export default createRulesetFunction<Record<string, unknown>, Options>(
  {
    input: { type: 'object' },
    options: {
      type: 'object',
      additionalProperties: false,
      required: ['pathPrefix', 'header'],
      properties: {
        pathPrefix: { type: 'string', pattern: '^/' },
        header: { type: 'string', minLength: 1 },
      },
    },
  },
  function idempotencyKeyRequired(paths, options, context) {
    const results = [];
    for (const [route, item] of Object.entries(paths)) {
      if (!route.startsWith(options.pathPrefix) || item === null || typeof item !== 'object') continue;
      const pathItem = item as Record<string, unknown>;
      const post = pathItem.post as Record<string, unknown> | undefined;
      if (!post || typeof post !== 'object') continue;
      if (declaresHeader(pathItem.parameters, options.header) || declaresHeader(post.parameters, options.header)) continue;
      results.push({
        message: `POST ${route} does not declare a required ${options.header} header, so a retried payment request can be executed twice.`,
        path: [...context.path, route, 'post'],
      });
    }
    return results;
  },
);
