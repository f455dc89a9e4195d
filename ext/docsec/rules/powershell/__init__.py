"""Rules for PowerShell (``DSM``): downloads run unseen, Defender and certificate checks off, plain-text passwords."""
