import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findPolicyFile } from '../../../src/checks/versions/policy-file.js';
import { cleanupTempDirs, tempDir } from '../../support/git-repo.js';

afterAll(cleanupTempDirs);

function tree(files: Record<string, string>): string {
  const root = tempDir('sg-policy-');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('findPolicyFile', () => {
  it.each([
    ['SECURITY.md', 'SECURITY.md'],
    ['Security.md', 'Security.md'],
    ['.github/security.md', '.github/security.md'],
    ['docs/SECURITY.MD', 'docs/SECURITY.MD'],
  ])('finds %s whatever its case', async (path, expected) => {
    expect(await findPolicyFile(tree({ [path]: 'policy' }))).toEqual({ found: true, path: expected, text: 'policy' });
  });

  it('prefers the root over .github over docs, as GitHub does', async () => {
    const root = tree({ 'docs/SECURITY.md': 'docs', '.github/SECURITY.md': 'github', 'SECURITY.md': 'root' });
    expect(await findPolicyFile(root)).toMatchObject({ path: 'SECURITY.md', text: 'root' });
  });

  it('does not take a folder named SECURITY.md or a file elsewhere', async () => {
    const root = tree({ 'SECURITY.md/readme.txt': 'x', 'src/SECURITY.md': 'nested' });
    expect(await findPolicyFile(root)).toEqual({
      found: false,
      path: 'SECURITY.md',
      searched: ['SECURITY.md', '.github/SECURITY.md', 'docs/SECURITY.md'],
      configured: false,
    });
  });

  it('reads the configured file relative to the root, and says when it is missing', async () => {
    const root = tree({ 'policies/security-policy.md': 'mine', 'SECURITY.md': 'default' });
    expect(await findPolicyFile(root, 'policies/security-policy.md')).toMatchObject({
      found: true,
      path: 'policies/security-policy.md',
      text: 'mine',
    });
    expect(await findPolicyFile(root, 'policies/nope.md')).toMatchObject({ found: false, path: 'policies/nope.md', configured: true });
  });

  it('refuses a policy that resolves outside the root, before reading it (issue 10, item 18)', async () => {
    const elsewhere = tree({ 'SECURITY.md': 'OUTSIDE-CANARY' });
    const linked = tree({});
    symlinkSync(join(elsewhere, 'SECURITY.md'), join(linked, 'SECURITY.md'));
    expect(await findPolicyFile(linked)).toEqual({
      found: false,
      path: 'SECURITY.md',
      refused: expect.stringContaining('outside the repository'),
    });

    const root = tree({ 'SECURITY.md': 'inside' });
    for (const configured of ['../x/SECURITY.md', join(elsewhere, 'SECURITY.md'), 'docs/../../SECURITY.md']) {
      const policy = await findPolicyFile(root, configured);
      expect(policy, configured).toMatchObject({ found: false, refused: expect.stringContaining(`(it is '${configured}')`) });
      expect(JSON.stringify(policy)).not.toContain('OUTSIDE-CANARY');
    }
  });

  it('follows links that stay inside the root, and treats a dangling link as missing', async () => {
    const root = tree({ 'docs/policy.md': 'inside' });
    symlinkSync(join(root, 'docs/policy.md'), join(root, 'SECURITY.md'));
    expect(await findPolicyFile(root)).toEqual({ found: true, path: 'SECURITY.md', text: 'inside' });
    expect(await findPolicyFile(root, './docs/../docs/policy.md')).toMatchObject({ found: true, path: 'docs/policy.md' });

    const dangling = tree({});
    symlinkSync(join(dangling, 'nowhere.md'), join(dangling, 'SECURITY.md'));
    expect(await findPolicyFile(dangling)).toMatchObject({ found: false, configured: false });
  });
});
