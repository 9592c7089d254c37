enum Z {}
