package io.oncoaudit.core.tables;

public enum PayerType { MEDICARE, MEDICARE_ADVANTAGE, MEDICAID, COMMERCIAL }
