/** The region (内蒙古自治区): owner of the service templates and root of the organisation tree. */
export const REGION_ID = "150000";
