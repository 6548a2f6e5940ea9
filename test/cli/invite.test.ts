import { describe, expect, it } from 'vitest';
import { INVITE_PERMISSIONS, runInvite } from '../../src/cli/invite.ts';
import { memoryIo } from '../bot/memory-io.ts';

const ID = '123456789012345678';

describe('npm run invite', () => {
  it('prints the OAuth2 link with the bot and applications.commands scopes and no permission', async () => {
    const io = memoryIo();
    expect(await runInvite([], { DISCORD_APPLICATION_ID: ID }, io)).toBe(0);
    const url = new URL(io.out().trim());
    expect(`${url.origin}${url.pathname}`).toBe('https://discord.com/oauth2/authorize');
    expect(url.searchParams.get('client_id')).toBe(ID);
    expect(url.searchParams.get('scope')?.split(' ').sort()).toEqual(['applications.commands', 'bot']);
    expect(url.searchParams.get('permissions')).toBe('0');
    expect(INVITE_PERMISSIONS).toBe(0n);
    expect(io.err()).toBe('');
  });

  it('without DISCORD_APPLICATION_ID, names it and exits 2', async () => {
    const io = memoryIo();
    expect(await runInvite([], {}, io)).toBe(2);
    expect(io.err()).toContain('DISCORD_APPLICATION_ID');
    expect(io.out()).toBe('');
  });
});
