import type { Role } from "../../shared/roles";

/** The demo accounts `npm start` creates on an empty database (password "demo"); see README. */
export const DEMO_PASSWORD = "demo";

export interface DemoAccount {
  id: string;
  email: string;
  name: string;
  initials: string;
  color: string;
  role: Role;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    id: "u-sekretariat",
    email: "sekretariat@demo.dk",
    name: "Signe Holm",
    initials: "sih",
    color: "#1f6f8b",
    role: "sekretariat",
  },
  {
    id: "u-formand",
    email: "formand@demo.dk",
    name: "Frederik Lund",
    initials: "frl",
    color: "#8b3a1f",
    role: "formand",
  },
  {
    id: "u-direktoer",
    email: "direktoer@demo.dk",
    name: "Dorthe Krogh",
    initials: "dok",
    color: "#5b3f8c",
    role: "direktoer",
  },
  {
    id: "u-sagsbehandler",
    email: "sagsbehandler@demo.dk",
    name: "Mads Lauridsen",
    initials: "mlal",
    color: "#2e7d32",
    role: "sagsbehandler",
  },
  {
    id: "u-laeser",
    email: "laeser@demo.dk",
    name: "Lene Bach",
    initials: "leb",
    color: "#6d4c41",
    role: "laeser",
  },
];
