/** The key that encrypts webhook secrets in tests (32 bytes, hex); never a production key. */
export const testSecretKey = '0123456789abcdef'.repeat(4)
