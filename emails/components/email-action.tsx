import { Button, Link, Section, Text } from "@react-email/components";
import { s } from "./styles";
import type { TEmailContext } from "./types";

/**
 * A call-to-action button followed by its address in words, for clients that block buttons.
 * The plain-text version already prints the address after the label, so the repeat is skipped there.
 */
export function EmailAction({ t, href, label }: Pick<TEmailContext, "t"> & { href: string; label: string }) {
  return (
    <Section style={{ margin: "8px 0 24px" }}>
      <Button href={href} style={s.button}>
        {label}
      </Button>
      <Text style={{ ...s.small, marginTop: "16px" }} data-skip-in-text="true">
        {t("linkFallback")}{" "}
        <Link href={href} style={s.link}>
          {href}
        </Link>
      </Text>
    </Section>
  );
}
