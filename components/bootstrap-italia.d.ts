// Types for the Bootstrap Italia plugin files imported directly (the package types only its
// root entry). Only what Sportello calls is declared.
declare module "bootstrap-italia/dist/plugins/navbar-collapsible.js" {
  interface NavBarCollapsible {
    show(): void;
    hide(): void;
    toggle(): void;
    dispose(): void;
  }
  const NavBarCollapsible: {
    getOrCreateInstance(element: Element): NavBarCollapsible;
    getInstance(element: Element): NavBarCollapsible | null;
  };
  export default NavBarCollapsible;
}

declare module "bootstrap-italia/dist/plugins/track-focus.js" {
  const TrackFocus: new () => unknown;
  export default TrackFocus;
}

// The icon sprite, imported as a static asset (its URL, or image data with the URL in `src`). Declared here
// too so type checking does not depend on the generated next-env.d.ts.
declare module "bootstrap-italia/dist/svg/sprites.svg" {
  const sprite: string | { src: string };
  export default sprite;
}
