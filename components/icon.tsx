import sprite from "bootstrap-italia/dist/svg/sprites.svg";

// Bootstrap Italia icons from the package's SVG sprite (bundled by Next as a static asset, so it
// is served from our origin and follows the package version). Turbopack gives a file from
// node_modules as a plain URL, webpack as image data with `src`: accept both.
const SPRITE_URL: string = typeof sprite === "string" ? sprite : sprite.src;

export type TIconName = `it-${string}`;

export function Icon({
  name,
  size,
  color,
  className,
  title,
}: {
  name: TIconName;
  size?: "xs" | "sm" | "lg" | "xl";
  color?: "primary" | "secondary" | "success" | "warning" | "danger" | "light" | "white";
  className?: string;
  /** Accessible name; without it the icon is decorative and hidden from assistive technology. */
  title?: string;
}) {
  const classes = ["icon", size && `icon-${size}`, color && `icon-${color}`, className].filter(Boolean).join(" ");
  return (
    <svg className={classes} role={title ? "img" : undefined} aria-hidden={title ? undefined : true} focusable="false">
      {title ? <title>{title}</title> : null}
      <use href={`${SPRITE_URL}#${name}`} />
    </svg>
  );
}
