// Runs examples/org's own tests (they import finlint/testing, i.e. the built dist/testing.js, as an organisation
// would) inside finlint's suite, so the example cannot rot.
import '../../examples/org/test/acme-payments-idempotency-key.test.js';
