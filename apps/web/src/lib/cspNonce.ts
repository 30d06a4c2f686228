/**
 * The nonce the server put in this page (vite.config.ts html.cspNonce, and the server's
 * http/console.ts). Read from the property: browsers hide the attribute once the policy applies.
 * Undefined under the Vite dev server, which sends no policy.
 */
export function cspNonce(): string | undefined {
  const nonce = document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]')?.nonce;
  return nonce && !nonce.startsWith('__') ? nonce : undefined;
}

/**
 * Gives the page's nonce to every <style> element its scripts create. Ant Design's own styles
 * get it from ConfigProvider's csp, but its helpers that lock the page's scroll under a modal
 * and measure scroll bars (@rc-component/util updateCSS) take no nonce. Trust passes from the
 * page's scripts to what they create, as 'strict-dynamic' does for scripts; a <style> that
 * arrives in markup (the injection the policy is for) is parsed, never created here, and stays
 * refused.
 */
export function nonceCreatedStyles(nonce: string | undefined): void {
  if (nonce === undefined) return;
  type CreateElement = (this: Document, tagName: string, options?: ElementCreationOptions) => HTMLElement;
  const create: CreateElement = Reflect.get<Document, 'createElement'>(Document.prototype, 'createElement');
  const withNonce = function (this: Document, tagName: string, options?: ElementCreationOptions): HTMLElement {
    const element = create.call(this, tagName, options);
    if (element instanceof HTMLStyleElement) element.nonce = nonce;
    return element;
  };
  Object.defineProperty(document, 'createElement', { value: withNonce, configurable: true, writable: true });
}
