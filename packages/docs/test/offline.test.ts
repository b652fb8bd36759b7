import { describe, expect, it } from 'vitest';
import { makeOffline } from '../scripts/offline.ts';

const LOGOS = "src:e?`https://cdn.redoc.ly/redoc/logo-mini-full.svg`:`https://cdn.redoc.ly/redoc/logo-mini.svg`";

describe('makeOffline', () => {
  it('inlines the footer logo', () => {
    const page = makeOffline(`<html><body><script>${LOGOS}</script></body></html>`);
    expect(page).not.toContain('cdn.redoc.ly');
    expect(page).toContain('data:image/svg+xml,');
  });

  it('fails when the logo reference is gone (a Redoc upgrade changed the bundle)', () => {
    expect(() => makeOffline('<html></html>')).toThrow(/expected Redoc's page to reference https:\/\/cdn\.redoc\.ly/);
  });

  it.each([
    ['<script src="https://cdn.example/redoc.js"></script>', /<script src> on another origin/],
    ['<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">', /<link href>/],
    ['<img src="//cdn.example/x.png">', /<img src>/],
  ])('rejects a page that would load %s', (markup, message) => {
    expect(() => makeOffline(`<html><head>${markup}</head><script>${LOGOS}</script></html>`)).toThrow(message);
  });
});
