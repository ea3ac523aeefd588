package dev.switchboard.desk;

/** What an account may do: a manager creates agents and sets their work; both answer customers. */
public enum Role { MANAGER, AGENT }
