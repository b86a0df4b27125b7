data = "text" b"bytes"
