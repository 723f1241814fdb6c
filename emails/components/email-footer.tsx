import { Section, Text } from "@react-email/components";
import { s } from "./styles";
import type { TEmailContext } from "./types";

export function EmailFooter({ t, municipality }: Pick<TEmailContext, "t" | "municipality">) {
  return (
    <Section style={s.footer}>
      <Text style={s.small}>{t("layout.footer", { municipality: municipality.name })}</Text>
      <Text style={s.small}>{t("layout.noReply")}</Text>
    </Section>
  );
}
