package org.baraza.platform;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SignedInAccountTest {

    @Test
    void survivesTheSessionTableByJavaSerialisation() throws Exception {
        SignedInAccount account = new SignedInAccount(42, new OrganizationId(7), "Amina",
            EnumSet.of(Role.RESIDENT, Role.STAFF), 3L);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(account);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readObject()).isEqualTo(account);
        }
    }

    @Test
    void isNamedByItsIdNeverByItsName() {
        SignedInAccount account = new SignedInAccount(42, new OrganizationId(7), "Amina", EnumSet.of(Role.RESIDENT), null);
        assertThat(account.getName()).isEqualTo("42");
        assertThat(account.toString()).doesNotContain("Amina");
    }
}
