import { Section, Text } from "@react-email/components";
import { s } from "./styles";
import type { TEmailMunicipality } from "./types";

/** The municipality's name as text on its brand colour, so it reads even with images off. */
export function EmailHeader({ municipality }: { municipality: TEmailMunicipality }) {
  return (
    <Section style={{ ...s.header, backgroundColor: municipality.brandColor ?? "#0066cc" }}>
      <Text style={s.headerName}>{municipality.name}</Text>
      {municipality.area ? <Text style={s.headerArea}>{municipality.area}</Text> : null}
    </Section>
  );
}
