/**
 * What finlint cannot check from an API description, per framework, so that a report never implies more than it
 * shows. Written in our own words from the limits listed in the rule catalogue (§7.7); these are clause ranges an
 * assessor must cover with other evidence (runtime scans, configuration review, contract tests, process records).
 */
export interface NotCheckable {
  /** Clause or clause range, as the framework numbers it. */
  clauses: string;
  /** What it asks and why a contract cannot show it. */
  text: string;
}

export const notStaticallyCheckable: Readonly<Record<string, readonly NotCheckable[]>> = {
  'pci-dss-4.0.1': [
    { clauses: '3.5.1.1–3.5.1.3', text: 'How stored PAN is rendered unreadable (keyed hashes, disk or database encryption): a property of storage, not of the interface.' },
    { clauses: '3.6–3.7', text: 'Cryptographic key management: generation, distribution, storage, rotation and retirement of keys.' },
    { clauses: '4.2.1 (in part), 4.2.1.1', text: 'The TLS versions and cipher suites servers actually negotiate, and the inventory of trusted keys and certificates. A contract can only say https://.' },
    { clauses: '6.4.1–6.4.3', text: 'Web application firewalls and the management of scripts on payment pages.' },
    { clauses: '8.4–8.5', text: 'Whether multi-factor authentication is enforced at run time and resists replay and bypass.' },
    { clauses: '10.3–10.7', text: 'Protection, review and retention of audit logs, and the detection of failures of security controls.' },
    { clauses: '11.x', text: 'Vulnerability scanning, penetration testing, intrusion and change detection.' },
  ],
  gdpr: [
    { clauses: 'Art. 6', text: 'Whether the lawful basis for each processing operation is the right one.' },
    { clauses: 'Art. 12(3)', text: 'Whether data subject requests are answered within the deadline.' },
    { clauses: 'Art. 17', text: 'Whether data is actually erased, including from backups and processors.' },
    { clauses: 'Art. 33–34', text: 'Detection, notification and communication of personal data breaches.' },
    { clauses: 'Art. 35', text: 'Whether a data protection impact assessment exists and what it concludes.' },
  ],
  'owasp-api-2023': [
    { clauses: 'API1, API3, API5', text: 'Whether the server enforces, per request, the object, property and function level authorization the contract declares.' },
    { clauses: 'API4, API6', text: 'The limits and abuse protections a gateway or the service applies at run time (a contract can only document them).' },
    { clauses: 'API7, API10', text: 'How the service validates URLs it fetches and data it receives from third-party APIs.' },
  ],
  'fapi-2.0': [
    { clauses: '5.3.2.1–5.3.2.2', text: 'Authorization server enforcement of pushed authorization requests, PKCE, the iss parameter, nonce handling and replay checks.' },
    { clauses: '5.3.4 (in part)', text: 'Token lifetimes and whether resource servers really verify sender-constrained tokens. Use the OpenID conformance suite.' },
  ],
  'psd2-rts': [
    { clauses: 'Art. 2', text: 'Transaction monitoring for fraud.' },
    { clauses: 'Art. 6–9', text: 'Independence and protection of the elements of strong customer authentication.' },
    { clauses: 'Art. 10–18', text: 'Whether exemptions from strong customer authentication are applied correctly.' },
  ],
};
