/**
 * The municipality's name and colour on the public site (`PUBLIC_SITE_NAME`,
 * `PUBLIC_SITE_COLOR`). The colour is the header's background behind white text and the colour
 * of links on white and on the pages' light greys (a targeted item, a notice), so it is
 * darkened, if need be, until all of them reach WCAG AA's 4.5:1: a municipality's light brand
 * colour cannot make the site unreadable.
 */
export interface SiteSettings {
  /** "Esbjerg Kommune": shown in every public page's header and title. */
  name: string;
  /** The colour as configured, "#rrggbb". */
  configuredColor: string;
  /** The colour used: the configured one, darkened until it is at least 4.5:1 on every background. */
  color: string;
}

export const AA_CONTRAST = 4.5;

/** The light backgrounds the colour stands on: white, a targeted item, a notice. */
export const SITE_BACKGROUNDS = ["#ffffff", "#fffbe6", "#f3f3f3"] as const;

export const DEFAULT_SITE_SETTINGS: SiteSettings = siteSettings("Dagsorden", "#0b4f8a");

/** Settings from the environment; a malformed colour is refused at start with a reason. */
export function siteSettingsFromEnv(env: Record<string, string | undefined>): SiteSettings {
  return siteSettings(
    env.PUBLIC_SITE_NAME?.trim() || DEFAULT_SITE_SETTINGS.name,
    env.PUBLIC_SITE_COLOR?.trim() || DEFAULT_SITE_SETTINGS.configuredColor,
  );
}

export function siteSettings(name: string, color: string): SiteSettings {
  if (!/^#[0-9a-fA-F]{6}$/.test(color)) {
    throw new Error(
      `PUBLIC_SITE_COLOR must be a colour like #0b4f8a, not ${JSON.stringify(color)}`,
    );
  }
  if (name.length > 120) throw new Error("PUBLIC_SITE_NAME must be at most 120 characters");
  return { name, configuredColor: color.toLowerCase(), color: readableOnWhite(color) };
}

/** The colour, darkened in small steps towards black until it has AA contrast on each background. */
export function readableOnWhite(hex: string): string {
  let rgb = parseHex(hex);
  const worst = (c: readonly number[]) =>
    Math.min(...SITE_BACKGROUNDS.map((background) => contrastRatio(c, parseHex(background))));
  while (worst(rgb) < AA_CONTRAST) {
    rgb = rgb.map((channel) => Math.floor(channel * 0.95)) as [number, number, number];
  }
  return `#${rgb.map((channel) => channel.toString(16).padStart(2, "0")).join("")}`;
}

/** WCAG 2.1 contrast ratio of two sRGB colours. */
export function contrastRatio(a: readonly number[], b: readonly number[]): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

function luminance(rgb: readonly number[]): number {
  const [r, g, b] = rgb.map((channel) => {
    const c = channel / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function parseHex(hex: string): [number, number, number] {
  return [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16)) as [number, number, number];
}
