import finErrorProblemDetails from '../rules/fin-error-problem-details.js';
import finErrorNoStackTrace from '../rules/fin-error-no-stack-trace.js';
import finErrorResponsesDefined from '../rules/fin-error-responses-defined.js';
import finError401Declared from '../rules/fin-error-401-declared.js';
import finError403Declared from '../rules/fin-error-403-declared.js';
import finErrorValidationDeclared from '../rules/fin-error-validation-declared.js';
import finErrorAuthFailureUniform from '../rules/fin-error-auth-failure-uniform.js';
import type { FinRule } from '../types.js';

/** Family I: error handling (catalogue §5 I). */
export const errorRules: readonly FinRule[] = [
  finErrorProblemDetails, // I1
  finErrorNoStackTrace, // I2
  finErrorResponsesDefined, // I3
  finError401Declared, // I4
  finError403Declared, // I5
  finErrorValidationDeclared, // I6
  finErrorAuthFailureUniform, // I7
];
