package dev.crabbox.protocol.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class FrameModelTest {

  @Test
  void typeCodesAreTheWireFormat() {
    int code = 1;
    for (FrameType type : FrameType.values()) {
      assertEquals(code, type.code());
      assertEquals(type, FrameType.ofCode(code++));
    }
    assertNull(FrameType.ofCode(0));
    assertNull(FrameType.ofCode(8));
    assertNull(FrameType.ofCode(-1));
  }

  @Test
  void dataComparesPayloadContentAndHidesItInToString() {
    assertEquals(new Frame.Data(1, new byte[] {1, 2}), new Frame.Data(1, new byte[] {1, 2}));
    assertEquals(new Frame.Data(1, new byte[] {1, 2}).hashCode(),
        new Frame.Data(1, new byte[] {1, 2}).hashCode());
    assertNotEquals(new Frame.Data(1, new byte[] {1, 2}), new Frame.Data(1, new byte[] {1, 3}));
    assertNotEquals(new Frame.Data(1, new byte[] {1, 2}), new Frame.Data(2, new byte[] {1, 2}));
    assertEquals("Data[stream=4294967295, bytes=2]", new Frame.Data(-1, new byte[] {1, 2}).toString());
  }

  @Test
  void nullTextsBecomeEmptyAndRequiredFieldsAreRequired() {
    assertEquals("", new Frame.Rst(1, null).reason());
    assertEquals("", new Frame.Error(1, null).message());
    assertThrows(NullPointerException.class, () -> new Frame.Open(1, null, 80));
    assertThrows(NullPointerException.class, () -> new Frame.Data(1, null));
  }

  @Test
  void eachRecordReportsItsType() {
    assertEquals(FrameType.OPEN, new Frame.Open(1, "a", 1).type());
    assertEquals(FrameType.OPEN_OK, new Frame.OpenOk(1).type());
    assertEquals(FrameType.DATA, new Frame.Data(1, new byte[0]).type());
    assertEquals(FrameType.FIN, new Frame.Fin(1).type());
    assertEquals(FrameType.RST, new Frame.Rst(1, "").type());
    assertEquals(FrameType.ERROR, new Frame.Error(1, "").type());
    assertEquals(FrameType.WINDOW, new Frame.Window(1, 1).type());
    assertEquals("[::1]:443", new Frame.Open(1, "::1", 443).target());
  }
}
