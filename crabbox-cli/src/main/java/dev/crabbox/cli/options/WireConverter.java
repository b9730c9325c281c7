package dev.crabbox.cli.options;

import dev.crabbox.agent.WireVersion;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code v1}/{@code v2}, any case, for the bridge wire format flags. */
public final class WireConverter implements ITypeConverter<WireVersion> {
  @Override
  public WireVersion convert(String value) {
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "v1" -> WireVersion.V1;
      case "v2" -> WireVersion.V2;
      default -> throw new TypeConversionException("expected v1 or v2, got '" + value + "'");
    };
  }
}
