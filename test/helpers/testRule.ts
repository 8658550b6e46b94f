// The rule tester lives in src/testing (exported to organisations as `finlint/testing`); finlint's own rule tests
// import it from here. With no config or ruleset option it runs only the named finlint rule and is strict: a
// violating and a compliant scenario per OAS version and a $ref scenario are required.
export { oasDoc, runRule, testRule, versionOf, type ExpectedFinding, type OasVersion, type Scenario } from '../../src/testing/index.js';
