// Which address a request's per-address limits count against: the socket's peer, or behind a trusted
// reverse proxy the address that proxy appended to X-Forwarded-For (never what the client wrote before it).
import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { clientAddress } from '../../src/server/http-api';

const req = (peer: string, forwarded?: string | string[]) => ({ socket: { remoteAddress: peer }, headers: forwarded === undefined ? {} : { 'x-forwarded-for': forwarded } }) as unknown as IncomingMessage;

describe('the address limits count against', () => {
  it('is the socket’s peer unless the proxy is trusted, whatever the headers say', () => {
    expect(clientAddress(req('127.0.0.1', '10.0.0.7'), false)).toBe('127.0.0.1');
    expect(clientAddress(req('192.168.1.20'), false)).toBe('192.168.1.20');
  });

  it('behind a trusted proxy is the last forwarded address: the one the proxy appended', () => {
    expect(clientAddress(req('127.0.0.1', '10.0.0.7'), true)).toBe('10.0.0.7');
    // A client writing its own header cannot pick its address: the proxy's entry comes last.
    expect(clientAddress(req('127.0.0.1', '1.2.3.4, 10.0.0.7'), true)).toBe('10.0.0.7');
    expect(clientAddress(req('127.0.0.1', ['5.6.7.8', '10.0.0.8']), true)).toBe('10.0.0.8');
  });

  it('behind a trusted proxy that sent no header is the peer', () => {
    expect(clientAddress(req('127.0.0.1'), true)).toBe('127.0.0.1');
    expect(clientAddress(req('127.0.0.1', ' , '), true)).toBe('127.0.0.1');
  });
});
