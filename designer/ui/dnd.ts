/** dnd-kit set-up shared by the designer's sortable lists: pointer and keyboard sensors, Chinese announcements. */
import { KeyboardSensor, PointerSensor, useSensor, useSensors, type Announcements, type ScreenReaderInstructions, type UniqueIdentifier } from "@dnd-kit/core";
import { sortableKeyboardCoordinates } from "@dnd-kit/sortable";

export function useSortableSensors() {
  return useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
}

export const screenReaderInstructions: ScreenReaderInstructions = {
  draggable: "按空格键拿起，用方向键移动，再按空格键放下；按 Esc 取消。",
};

/** Announcements naming items by `nameOf(id)`. */
export function announcements(nameOf: (id: UniqueIdentifier) => string): Announcements {
  return {
    onDragStart: ({ active }) => `已拿起“${nameOf(active.id)}”`,
    onDragOver: ({ active, over }) => (over ? `“${nameOf(active.id)}”移到了“${nameOf(over.id)}”的位置` : `“${nameOf(active.id)}”不在可放置的区域`),
    onDragEnd: ({ active, over }) => (over ? `已将“${nameOf(active.id)}”放到“${nameOf(over.id)}”的位置` : `已放下“${nameOf(active.id)}”`),
    onDragCancel: ({ active }) => `已取消移动“${nameOf(active.id)}”`,
  };
}

/** The style of an item being moved (dnd-kit's transform as a CSS translation). */
export function translateStyle(transform: { x: number; y: number } | null, transition?: string): { transform?: string; transition?: string } {
  return { transform: transform ? `translate3d(${Math.round(transform.x)}px, ${Math.round(transform.y)}px, 0)` : undefined, transition };
}
