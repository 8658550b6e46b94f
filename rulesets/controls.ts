/**
 * The control vocabulary: every id a rule may cite in `controls`, with a short title in our own words.
 * A meta-test rejects rules that cite an id missing here, so the report and the docs can always name a control.
 */
export interface Framework {
  /** Prefix used in control ids, e.g. `pci-dss-4.0.1`. */
  id: string;
  title: string;
  url: string;
}

export const frameworks: readonly Framework[] = [
  { id: 'pci-dss-4.0.1', title: 'PCI DSS v4.0.1', url: 'https://www.pcisecuritystandards.org/document_library/' },
  { id: 'gdpr', title: 'GDPR (Regulation (EU) 2016/679)', url: 'https://eur-lex.europa.eu/eli/reg/2016/679/oj' },
  { id: 'owasp-api-2023', title: 'OWASP API Security Top 10 2023', url: 'https://owasp.org/API-Security/editions/2023/en/0x11-t10/' },
  { id: 'fapi-2.0', title: 'OpenID FAPI 2.0 Security Profile', url: 'https://openid.net/specs/fapi-security-profile-2_0.html' },
  { id: 'psd2-rts', title: 'PSD2 RTS on SCA and secure communication (EU 2018/389)', url: 'https://eur-lex.europa.eu/eli/reg_del/2018/389/oj' },
  { id: 'psd2', title: 'PSD2 (Directive (EU) 2015/2366)', url: 'https://eur-lex.europa.eu/eli/dir/2015/2366/oj' },
  { id: 'fapi-1.0', title: 'OpenID FAPI 1.0 (Part 1 Baseline, Part 2 Advanced)', url: 'https://openid.net/specs/openid-financial-api-part-1-1_0.html' },
  { id: 'nextgenpsd2', title: 'Berlin Group NextGenPSD2 XS2A Implementation Guidelines', url: 'https://www.berlin-group.org/nextgenpsd2-downloads' },
  { id: 'uk-ob', title: 'UK Open Banking Read/Write API standard', url: 'https://openbankinguk.github.io/read-write-api-site3/' },
];

/** Control id -> title. Ids are `<framework>:<clause>`. */
export const controls: Readonly<Record<string, string>> = {
  // PCI DSS v4.0.1
  'pci-dss-4.0.1:2.2.7': 'Non-console administrative access (including APIs) is encrypted with strong cryptography',
  'pci-dss-4.0.1:3.2.1': 'Account data storage is kept to a minimum, including SAD held before authorization',
  'pci-dss-4.0.1:3.3.1': 'Sensitive authentication data is not retained after authorization, even if encrypted',
  'pci-dss-4.0.1:3.3.1.1': 'Full track data is not retained after authorization',
  'pci-dss-4.0.1:3.3.1.2': 'Card verification codes are not retained after authorization',
  'pci-dss-4.0.1:3.3.1.3': 'PINs and PIN blocks are not retained after authorization',
  'pci-dss-4.0.1:3.3.2': 'SAD held electronically before authorization is encrypted',
  'pci-dss-4.0.1:3.4.1': 'PAN is masked when displayed; only those with a business need see more than BIN and last four',
  'pci-dss-4.0.1:3.5.1': 'PAN is rendered unreadable wherever it is stored, logs included',
  'pci-dss-4.0.1:4.2.1': 'Strong cryptography protects cardholder data sent over open, public networks',
  'pci-dss-4.0.1:6.2.4': 'Engineering techniques prevent common software attacks',
  'pci-dss-4.0.1:6.3.2': 'An inventory of bespoke and custom software and its third-party components is maintained',
  'pci-dss-4.0.1:6.5.3': 'Pre-production environments are separated from production',
  'pci-dss-4.0.1:6.5.5': 'Live PANs are not used in pre-production environments',
  'pci-dss-4.0.1:7.2.1': 'An access control model is defined',
  'pci-dss-4.0.1:7.2.2': 'Access follows least privilege by job function',
  'pci-dss-4.0.1:7.2.4': 'User and application access is reviewed periodically',
  'pci-dss-4.0.1:7.2.5': 'Application and system accounts follow least privilege',
  'pci-dss-4.0.1:7.3.1': 'An access control system restricts access to need-to-know',
  'pci-dss-4.0.1:7.3.3': 'The access control system denies all by default',
  'pci-dss-4.0.1:8.2.8': 'Idle sessions require re-authentication',
  'pci-dss-4.0.1:8.3.1': 'All access is authenticated',
  'pci-dss-4.0.1:8.3.2': 'Authentication factors are unreadable in transmission and storage',
  'pci-dss-4.0.1:8.3.4': 'Invalid authentication attempts are limited by locking out the user ID after at most 10 tries',
  'pci-dss-4.0.1:8.3.6': 'Passwords meet a minimum length and complexity',
  'pci-dss-4.0.1:8.4.1': 'Multi-factor authentication for administrative access into the CDE',
  'pci-dss-4.0.1:8.4.2': 'Multi-factor authentication for all access into the CDE',
  'pci-dss-4.0.1:8.6.2': 'Application and system account passwords are not hard-coded',
  'pci-dss-4.0.1:10.2.1': 'Audit logs are enabled and active for all system components and cardholder data',
  'pci-dss-4.0.1:10.2.1.1': 'Audit logs capture every individual user access to cardholder data',
  'pci-dss-4.0.1:10.2.1.2': 'Audit logs capture every action taken by anyone with administrative access',
  'pci-dss-4.0.1:10.2.1.4': 'Audit logs capture invalid logical access attempts',
  'pci-dss-4.0.1:10.2.1.5': 'Audit logs capture changes to identification and authentication credentials',
  'pci-dss-4.0.1:10.2.1.7': 'Audit logs capture the creation and deletion of system-level objects',
  'pci-dss-4.0.1:10.2.2': 'Each audit record holds user, event type, time, outcome, origin and affected resource',
  'pci-dss-4.0.1:12.5.1': 'An inventory of in-scope system components is maintained',
  // GDPR
  'gdpr:art-5-1-c': 'Personal data is limited to what is necessary (data minimisation)',
  'gdpr:art-5-1-e': 'Personal data is kept no longer than necessary (storage limitation)',
  'gdpr:art-5-1-f': 'Personal data is processed with integrity and confidentiality',
  'gdpr:art-5-2': 'The controller can demonstrate compliance (accountability)',
  'gdpr:art-13-1': "Data subjects are told the controller's and the data protection officer's contact details",
  'gdpr:art-25-1': 'Data protection by design',
  'gdpr:art-25-2': 'Data protection by default',
  'gdpr:art-30': 'Records of processing activities are maintained',
  'gdpr:art-32': 'Security of processing',
  'gdpr:art-32-1-a': 'Encryption and pseudonymisation of personal data',
  'gdpr:art-32-1-b': 'Ongoing confidentiality, integrity and resilience of processing systems',
  'gdpr:art-5-1-d': 'Personal data is accurate and kept up to date (accuracy)',
  'gdpr:art-9': 'Special categories of personal data are processed only under an Article 9(2) condition',
  'gdpr:art-10': 'Data about criminal convictions and offences is processed only under official authority or legal authorisation',
  'gdpr:art-12-3': 'Requests from data subjects are answered without undue delay, within one month',
  'gdpr:art-13-1-f': 'Data subjects are told about transfers of their data to third countries',
  'gdpr:art-13-2-a': 'Data subjects are told how long their data is stored',
  'gdpr:art-15': 'Right of access: the data subject can obtain a copy of their personal data',
  'gdpr:art-16': 'Right to rectification of inaccurate personal data',
  'gdpr:art-17': 'Right to erasure, with documented exceptions such as legal retention duties',
  'gdpr:art-20': 'Right to data portability in a structured, machine-readable format',
  'gdpr:art-30-1': 'Records of processing name the categories of personal data and the time limits for erasure',
  'gdpr:art-32-2': 'Security measures take account of the risk of unauthorised disclosure',
  'gdpr:art-35-3-b': 'Large-scale processing of special categories requires a data protection impact assessment',
  'gdpr:art-44': 'Transfers to third countries follow the conditions of Chapter V',
  'gdpr:art-87': 'National identification numbers are processed only with appropriate safeguards',
  'gdpr:art-37-7': "The data protection officer's contact details are published",
  // OWASP API Security Top 10 2023
  'owasp-api-2023:API1': 'Broken object level authorization',
  'owasp-api-2023:API2': 'Broken authentication',
  'owasp-api-2023:API3': 'Broken object property level authorization',
  'owasp-api-2023:API4': 'Unrestricted resource consumption',
  'owasp-api-2023:API5': 'Broken function level authorization',
  'owasp-api-2023:API6': 'Unrestricted access to sensitive business flows',
  'owasp-api-2023:API7': 'Server-side request forgery',
  'owasp-api-2023:API8': 'Security misconfiguration',
  'owasp-api-2023:API9': 'Improper inventory management',
  'owasp-api-2023:API10': 'Unsafe consumption of APIs',
  // FAPI 2.0 Security Profile
  'fapi-2.0:5.2.1': 'Only TLS-protected endpoints',
  'fapi-2.0:5.2.3': 'Browser-facing endpoints resist TLS stripping; no CORS on the authorization endpoint',
  'fapi-2.0:5.3.2.1': 'Authorization server: discovery, no password grant, sender-constrained tokens, client authentication',
  'fapi-2.0:5.3.2.2': 'Authorization code flow only, with PKCE and pushed authorization requests',
  'fapi-2.0:5.3.3.1': 'Clients send tokens in headers and rely on published metadata',
  'fapi-2.0:5.3.4': 'Resource servers accept tokens only in headers and verify them',
  'fapi-2.0:5.4.1': 'Cryptography and JWT algorithms',
  // PSD2 RTS (Commission Delegated Regulation (EU) 2018/389)
  'psd2-rts:art-4-3': 'Authentication code failures and inactivity limits',
  'psd2-rts:art-36-5': 'Account information access without the PSU actively asking is limited in frequency',
  'psd2-rts:art-22': 'Confidentiality and integrity of personalised security credentials',
  'psd2-rts:art-29': 'Payment and account-access sessions are traceable',
  'psd2-rts:art-30': 'Interface documentation is published and changes are announced in advance',
  'psd2-rts:art-35': 'Secure encryption and integrity across the communication session',
  // Family C (fin-fapi-*): FAPI 2.0 / FAPI 1.0 clauses added by the FAPI rules
  'fapi-2.0:5.3.3.2': 'Clients push their authorization requests and use PKCE with S256',
  'fapi-1.0:part1-6.2.1': 'Resource servers (Baseline) verify tokens and echo an x-fapi-interaction-id in every response',
  'fapi-1.0:part1-6.2.2': 'Clients (Baseline) may send an x-fapi-interaction-id to correlate their requests',
  'fapi-1.0:part2-5.2.2': 'Authorization servers (Advanced) issue sender-constrained tokens to asymmetrically authenticated clients, code flow only',
  'fapi-1.0:part2-6.2.1': 'Resource servers (Advanced) accept only certificate-bound (mutual-TLS) access tokens',
  // (end of family C controls)
  // Family D (fin-psd2-*): PSD2 Directive, RTS, Berlin Group and UK Open Banking clauses added by the PSD2 rules
  'psd2:art-64': "A payment needs the payer's consent, and the payer can withdraw it",
  'psd2:art-67-2': "Account information services only with the PSU's explicit consent and only for the accounts designated",
  'psd2:art-97-1': 'Strong customer authentication for online account access and electronic payment initiation',
  'psd2:art-97-2': 'Remote payment initiation links the authentication to the amount and the payee',
  'psd2-rts:art-2': 'Transaction monitoring detects unauthorised or fraudulent payment transactions',
  'psd2-rts:art-5': 'The authentication code is dynamically linked to the amount and the payee',
  'psd2-rts:art-10a': 'Account information access without fresh SCA is limited in time',
  'psd2-rts:art-34': 'Payment service providers identify themselves with eIDAS certificates',
  'gdpr:art-7-3': 'Consent can be withdrawn at any time, as easily as it was given',
  'nextgenpsd2:x-request-id': 'Every request carries a TPP-generated X-Request-ID (UUID), which the ASPSP returns',
  'nextgenpsd2:consent-id': 'Account information requests name the consent they rely on in the Consent-ID header',
  'nextgenpsd2:psu-http-headers': "The TPP forwards the PSU's IP address and other PSU context when the PSU takes part",
  'nextgenpsd2:signing': 'Requests can be signed with Digest, Signature and TPP-Signature-Certificate where the ASPSP requires it',
  'nextgenpsd2:consent-deletion': "The TPP can read a consent's status and delete (revoke) the consent",
  'uk-ob:message-signing': 'Payment requests and responses carry a detached JWS in x-jws-signature',
  'uk-ob:grant-types': 'Consents are created with client credentials; payments and account data need an authorization-code token',
  'uk-ob:customer-context-headers': "The TPP passes the PSU's IP address, last login time and user agent when the PSU is present",
  'uk-ob:consent-lifecycle': 'Long-lived consents can be read and deleted, and carry a status and an expiry',
  // (end of family D controls)
};

export function isKnownControl(id: string): boolean {
  return Object.prototype.hasOwnProperty.call(controls, id);
}

export function frameworkOf(controlId: string): string {
  return controlId.slice(0, controlId.indexOf(':'));
}
