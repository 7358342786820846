import { describe, expect, it, vi } from 'vitest';
import { externalLinkTarget, isAppUrl, isTrustedSender } from '../../src/main/navigation-policy';
import { denyAllPermissions, hardenWebContents } from '../../src/main/web-contents-security';
import { FakeWebContents } from '../support/fake-electron';

describe('externalLinkTarget', () => {
  it('lets only well-formed https links out', () => {
    expect(externalLinkTarget('https://doi.org/10.1111/j.1469-7580.2005.00417.x')).toBe('https://doi.org/10.1111/j.1469-7580.2005.00417.x');
    for (const url of ['http://example.org/', 'file:///etc/passwd', 'javascript:alert(1)', 'app://atlas/index.html', 'https://user:pw@example.org/', 'not a url', 'smb://server/share']) {
      expect(externalLinkTarget(url), url).toBeNull();
    }
  });
});

describe('isTrustedSender', () => {
  it('trusts only our own top frame on app://atlas', () => {
    expect(isTrustedSender({ url: 'app://atlas/index.html', parent: null })).toBe(true);
    expect(isTrustedSender({ url: 'app://atlas/index.html', parent: {} })).toBe(false);
    expect(isTrustedSender({ url: 'https://evil.example/', parent: null })).toBe(false);
    expect(isTrustedSender({ url: 'app://other/index.html', parent: null })).toBe(false);
    expect(isTrustedSender({ url: 'file:///index.html', parent: null })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
    expect(isAppUrl('app://atlas/content/about/en.md')).toBe(true);
  });
});

describe('hardenWebContents', () => {
  it('prevents every navigation and webview, and denies new windows', () => {
    const contents = new FakeWebContents();
    const offer = vi.fn();
    hardenWebContents(contents, offer);
    for (const url of ['https://example.org/', 'app://atlas/other.html', 'file:///etc/passwd']) {
      expect(contents.navigate(url)).toBe('prevented');
    }
    expect(contents.attachWebview()).toBe('prevented');
    expect(contents.openWindow('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(offer).not.toHaveBeenCalled();
  });

  it('offers an https link to the system browser, still without opening a window', () => {
    const contents = new FakeWebContents();
    const offer = vi.fn();
    hardenWebContents(contents, offer);
    expect(contents.openWindow('https://www.who.int/')).toEqual({ action: 'deny' });
    expect(offer).toHaveBeenCalledWith('https://www.who.int/');
  });
});

describe('denyAllPermissions', () => {
  it('answers no to every permission request and check, full screen for presenter mode excepted', () => {
    let requestHandler: ((c: unknown, p: string, cb: (granted: boolean) => void) => void) | undefined;
    let checkHandler: (() => boolean) | undefined;
    denyAllPermissions({
      setPermissionRequestHandler: (h) => (requestHandler = h),
      setPermissionCheckHandler: (h) => (checkHandler = h),
    });
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'pointerLock']) {
      const callback = vi.fn();
      requestHandler?.({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
    }
    const fullScreen = vi.fn();
    requestHandler?.({}, 'fullscreen', fullScreen);
    expect(fullScreen).toHaveBeenCalledWith(true);
    expect(checkHandler?.()).toBe(false);
  });
});
