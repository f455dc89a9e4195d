resource "aws_security_group" "db" {
  name = "db"

  ingress {  # expect: DSH001
    from_port   = 5432
    to_port     = 5432
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_security_group_rule" "ssh" {  # expect: DSH001
  type              = "ingress"
  from_port         = 22
  to_port           = 22
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
  security_group_id = aws_security_group.web.id
}

resource "google_compute_firewall" "rdp" {  # expect: DSH001
  name          = "allow-rdp"
  network       = "default"
  source_ranges = ["0.0.0.0/0"]
  allow {
    protocol = "tcp"
    ports    = ["3389"]
  }
}

resource "azurerm_network_security_rule" "redis" {  # expect: DSH001
  name                       = "redis"
  direction                  = "Inbound"
  access                     = "Allow"
  protocol                   = "Tcp"
  source_address_prefix      = "*"
  destination_port_range     = "6000-6500"
  source_port_range          = "*"
  destination_address_prefix = "*"
}
