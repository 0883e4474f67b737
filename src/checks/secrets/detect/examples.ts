// Credentials published on purpose: providers' documented sample keys, development defaults and
// RFC examples. They are reported as examples (info, never failing), so a reader sees they were
// recognised. Kept as SHA-256 hashes: the table names each value without carrying it, so this
// file does not trip scanners (ours, or a host's push protection) and cannot be pasted from.
import { createHash } from 'node:crypto';

const GOOGLE_SAMPLE = "one of Google's public sample API keys (Firebase SDK examples)";

const KNOWN_EXAMPLES = new Map<string, string>([
  ['1a5d44a2dca19669d72edf4c4f1c27c4c1ca4b4408fbb17f6ce4ad452d78ddb3', "AWS's documented example access key ID"],
  ['78314b11be2e581549ac1c4f616563fad3fdf0c3b71678f6e2299182080e0598', "AWS's documented example secret access key"],
  ['0011cc25eb4320717494d2703e8cba85743e71b500283c21c8b88147992f9059', "Azurite's well-known development storage account key"],
  ['7f75367e7881255134e1375e723d1dea8ad5f6a4fdb79d938df1f1754a830606', 'the sample token on jwt.io'],
  // Google's public sample API keys: published in the Firebase SDKs' examples (gitleaks allowlists the same ones; its 16th, a run of the alphabet, is a placeholder to us).
  ['2037abcaffb2b77785da716cf7ccff4ff4d00c4ea930db0167b7d71f50af7eb4', GOOGLE_SAMPLE],
  ['3f370c9dd8225c63b5c77de1f785edc9712958f18bb612d5fa2e0ae33aeca682', GOOGLE_SAMPLE],
  ['e4a5542bb7fd7b67e943c71ad29c34b5972c9840597e7eda53e666f44d5da0b9', GOOGLE_SAMPLE],
  ['a19f89ab3555eac10c40741f6df79ecf0935998f15569f8db9d67bce0181fff6', GOOGLE_SAMPLE],
  ['0b476bdf9acf2123d547b5ae76f1e59884d8ec9553ee0c47e9f31fd4768f3f3c', GOOGLE_SAMPLE],
  ['eb540d2b6ee2a0a47c5779bc8a0141784c6b753840d4c6f4e2428a6e86e9e0b1', GOOGLE_SAMPLE],
  ['37f8f09bdf12c2f2eae4ead7273a62ddb0c23459cbf902892f282b57f7ed6619', GOOGLE_SAMPLE],
  ['8731261cb72d86267a32a532ebd3df429e2144e5e4ced7e13568bc9e6c8fb1b1', GOOGLE_SAMPLE],
  ['49f777db995e8260da7ca9ffdf0c08d66f0453e97ec967018baf2cdfe3b582d0', GOOGLE_SAMPLE],
  ['27a9a42931dff7eb2f8434e20a9bce976ea364e7bee49187f19d5cfeca9c7045', GOOGLE_SAMPLE],
  ['dc0fcf046c61640cbd1e8b999ada3262d722c2ca4bf42dceac999020ffdbb614', GOOGLE_SAMPLE],
  ['4c98242dcadc8b29005c6b4aad526552d5ea1842149154c0694adeec75847583', GOOGLE_SAMPLE],
  ['ea9bb1082cf95663f5faca23b8b15ef2aa0fce0a5c6df9c32dcb85b2e0a4513d', GOOGLE_SAMPLE],
  ['3a8b61d0f636b007840c0d40ba12bcf48465dc054cdc1a68704a33521d84b665', GOOGLE_SAMPLE],
  ['a6c814bc555ae62c7bd8b58ec07bf559c7ed3a009976a1e0acc9cef0d4473b41', GOOGLE_SAMPLE],
  ['2cafc0970149a84f3b9e62eaf169f36f59907a3b3e31f7b82e68c69cd27f7326', "Stripe's documentation test key"],
  ['b1471f544ceeea31333bde7e1ecbaad6eac0d4a749412ad29bd66ef895b81c6b', "Stripe's documentation publishable test key"],
  ['6c96130f130ab0d6d158397e24d2bcc1c9a5e73ae081f6e983f1c7b545d24a4c', "the access token of RFC 6749's examples"],
  ['00cf4c781dc37003f7c7dd7d4c9a6ef1e0f4c62d9a291aa8bc398774e3fefd32', "the refresh token of RFC 6749's examples"],
  ['a35b81a7d7927b70ec99270dd2362b88580a28574af812f2c02f56469579186f', "the authorization code of RFC 6749's examples"],
  ['e9974c507d2a802143f614c878fcbb622a3800e05e6e0d329fee2c5b6b243329', "the client secret of RFC 6749's examples"],
  ['ca7459e2b26776de081b9a07e40227fd6cff232a1e3233ff6b6aa6d036ca9981', "the client credentials of RFC 6749's examples"],
  ['cf4d418ed3de92d71f767db5391d5a2dacd40e1ce49e75d1137e2ecf4982d844', "RFC 7617's example credentials (Aladdin:open sesame)"],
  ['b8e148545b13c78bc74da2f1a7275dd71e56ddece129d7d2f7b3ecc06f7994da', "the bearer token of RFC 6750's examples"],
]);

/** Values that are examples by their shape: generated development defaults. */
const EXAMPLE_SHAPES: [RegExp, string][] = [
  [/^django-insecure-/, "Django's generated development SECRET_KEY (startproject marks it insecure)"],
];

/** Why `secret` is a published example, or undefined when it is not one we know. */
export function knownExample(secret: string): string | undefined {
  for (const [shape, why] of EXAMPLE_SHAPES) if (shape.test(secret)) return why;
  return KNOWN_EXAMPLES.get(createHash('sha256').update(secret).digest('hex'));
}

/** Hosts reserved for documentation (RFC 2606, RFC 6761): a credential in a URL to one is an example. */
export function isDocumentationHost(host: string): boolean {
  return /(?:^|\.)(?:example\.(?:com|org|net)|example|test|invalid)$/i.test(host);
}
