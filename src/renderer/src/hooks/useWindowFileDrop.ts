import { useEffect, useRef, useState } from 'react';

import type { PickedFile } from '../../../shared/bridge';

const carriesFiles = (event: DragEvent): boolean => event.dataTransfer?.types.includes('Files') ?? false;

/**
 * A file may be dropped anywhere on the window. Returns whether one is being dragged over it,
 * so the window can say where it will land. While `active` is false (a screen that takes its own
 * files, such as the CLIs) a file dropped outside that screen's drop area is ignored: it is neither
 * opened as a sheet nor opened by the browser in place of the app.
 */
export function useWindowFileDrop(onFile: (file: PickedFile) => void, active = true): boolean {
  const [dragging, setDragging] = useState(false);
  const depth = useRef(0);
  const latest = useRef(onFile);
  const activeRef = useRef(active);
  useEffect(() => {
    latest.current = onFile;
  }, [onFile]);
  useEffect(() => {
    activeRef.current = active;
  }, [active]);

  useEffect(() => {
    const enter = (event: DragEvent): void => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      if (!activeRef.current) return;
      depth.current += 1;
      setDragging(true);
    };
    const over = (event: DragEvent): void => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = activeRef.current ? 'copy' : 'none';
    };
    const leave = (): void => {
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setDragging(false);
    };
    const drop = (event: DragEvent): void => {
      event.preventDefault();
      depth.current = 0;
      setDragging(false);
      if (!activeRef.current) return;
      const file = event.dataTransfer?.files[0];
      if (file) latest.current(file);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, []);
  return dragging && active;
}
